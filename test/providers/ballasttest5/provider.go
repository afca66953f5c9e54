package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-cty/cty"
	"github.com/hashicorp/terraform-plugin-sdk/v2/diag"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
)

func newProvider() *schema.Provider {
	return &schema.Provider{
		Schema: map[string]*schema.Schema{
			"region": {Type: schema.TypeString, Optional: true, Default: "local"},
		},
		ResourcesMap: map[string]*schema.Resource{
			"ballasttest5_item": itemResource(),
		},
		DataSourcesMap: map[string]*schema.Resource{
			"ballasttest5_lookup": lookupData(),
		},
		ConfigureContextFunc: func(_ context.Context, d *schema.ResourceData) (any, diag.Diagnostics) {
			return d.Get("region").(string), nil
		},
	}
}

func itemResource() *schema.Resource {
	return &schema.Resource{
		SchemaVersion: 1,
		Schema: map[string]*schema.Schema{
			"name":        {Type: schema.TypeString, Required: true, ForceNew: true},
			"replicas":    {Type: schema.TypeInt, Optional: true, Default: 1},
			"labels":      {Type: schema.TypeSet, Optional: true, Elem: &schema.Schema{Type: schema.TypeString}},
			"password":    {Type: schema.TypeString, Optional: true, Sensitive: true},
			"behavior":    {Type: schema.TypeString, Optional: true},
			"fingerprint": {Type: schema.TypeString, Computed: true},
			"region":      {Type: schema.TypeString, Computed: true},
			"disk": {Type: schema.TypeList, Optional: true, MaxItems: 2, Elem: &schema.Resource{Schema: map[string]*schema.Schema{
				"size": {Type: schema.TypeInt, Required: true, ValidateDiagFunc: positive},
				"kind": {Type: schema.TypeString, Optional: true, Default: "ssd"},
			}}},
		},
		CreateContext: createItem,
		ReadContext:   readItem,
		UpdateContext: func(ctx context.Context, d *schema.ResourceData, m any) diag.Diagnostics { return readItem(ctx, d, m) },
		DeleteContext: func(context.Context, *schema.ResourceData, any) diag.Diagnostics { return nil },
		Importer:      &schema.ResourceImporter{StateContext: schema.ImportStatePassthroughContext},
		StateUpgraders: []schema.StateUpgrader{{
			Version: 0,
			Type: cty.Object(map[string]cty.Type{"id": cty.String, "name": cty.String, "replicas": cty.String}),
			Upgrade: func(_ context.Context, raw map[string]any, _ any) (map[string]any, error) {
				s, _ := raw["replicas"].(string)
				n, err := strconv.Atoi(s)
				if err != nil {
					return nil, fmt.Errorf("replicas %q is not a number", s)
				}
				raw["replicas"] = n
				return raw, nil
			},
		}},
	}
}

func positive(v any, p cty.Path) diag.Diagnostics {
	if v.(int) <= 0 {
		return diag.Diagnostics{{Severity: diag.Error, Summary: "Invalid disk size", Detail: "size must be positive", AttributePath: p}}
	}
	return nil
}

func createItem(ctx context.Context, d *schema.ResourceData, m any) diag.Diagnostics {
	name := d.Get("name").(string)
	switch b := d.Get("behavior").(string); {
	case b == "crash":
		fmt.Fprintln(os.Stderr, "ballasttest5: about to crash while creating", name)
		panic("ballasttest5 crashed on purpose")
	case b == "hang":
		time.Sleep(time.Hour)
	case strings.HasPrefix(b, "slow:"):
		ms, _ := strconv.Atoi(strings.TrimPrefix(b, "slow:"))
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
		case <-ctx.Done():
			return diag.Errorf("create of %s cancelled", name)
		}
	}
	d.SetId("item-" + name)
	return readItem(ctx, d, m)
}

func readItem(_ context.Context, d *schema.ResourceData, m any) diag.Diagnostics {
	id := d.Id()
	if d.Get("name").(string) == "" {
		// imported: derive the name from the id
		_ = d.Set("name", strings.TrimPrefix(id, "item-"))
		_ = d.Set("replicas", 1)
	}
	_ = d.Set("fingerprint", fmt.Sprintf("%s/%d", d.Get("name"), d.Get("replicas")))
	_ = d.Set("region", m.(string))
	return nil
}

func lookupData() *schema.Resource {
	return &schema.Resource{
		Schema: map[string]*schema.Schema{
			"key":   {Type: schema.TypeString, Required: true},
			"value": {Type: schema.TypeString, Computed: true},
		},
		ReadContext: func(_ context.Context, d *schema.ResourceData, _ any) diag.Diagnostics {
			d.SetId(d.Get("key").(string))
			return diag.FromErr(d.Set("value", "value-of-"+d.Get("key").(string)))
		},
	}
}
