// A small protocol-5 provider built on terraform-plugin-sdk/v2, run for real by Ballast's tests.
package main

import (
	"github.com/hashicorp/terraform-plugin-sdk/v2/plugin"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{ProviderFunc: newProvider})
}
