package main

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type testProvider struct{}

type providerModel struct {
	Prefix types.String `tfsdk:"prefix"`
	Token  types.String `tfsdk:"token"`
}

func newProvider() provider.Provider { return &testProvider{} }

func (p *testProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "ballasttest6"
	resp.Version = "0.1.0"
}

func (p *testProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"prefix": schema.StringAttribute{Optional: true, Description: "prepended to every id"},
			"token":  schema.StringAttribute{Optional: true, Sensitive: true},
		},
	}
}

func (p *testProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Token.ValueString() == "rejected" {
		resp.Diagnostics.AddAttributeError(path.Root("token"), "Invalid token", "The token was rejected by the test provider.")
		return
	}
	resp.ResourceData = &cfg
	resp.DataSourceData = &cfg
}

func (p *testProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{newThing}
}

func (p *testProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{newEcho}
}

func (p *testProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{newJoinUpper}
}
