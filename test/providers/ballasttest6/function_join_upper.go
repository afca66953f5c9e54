package main

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type joinUpper struct{}

func newJoinUpper() function.Function { return &joinUpper{} }

func (f *joinUpper) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "join_upper"
}

func (f *joinUpper) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Joins strings with a separator and upper-cases the result",
		Parameters: []function.Parameter{
			function.ListParameter{Name: "parts", ElementType: types.StringType},
			function.StringParameter{Name: "sep"},
		},
		Return: function.StringReturn{},
	}
}

func (f *joinUpper) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var parts []string
	var sep string
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &parts, &sep))
	if resp.Error != nil {
		return
	}
	if sep == "!" {
		resp.Error = function.NewArgumentFuncError(1, "the separator \"!\" is not allowed")
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Result.Set(ctx, strings.ToUpper(strings.Join(parts, sep))))
}
