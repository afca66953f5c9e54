// A small protocol-6 provider built on terraform-plugin-framework. Ballast's tests run it for
// real through the plugin bridge and through terraform, and compare the results.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

func main() {
	err := providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{
		Address: "registry.terraform.io/ballast/ballasttest6",
	})
	if err != nil {
		log.Fatal(err)
	}
}
