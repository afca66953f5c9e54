package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// thing exercises what the bridge must carry: computed values, nested attributes and blocks,
// sets, sensitive and write-only attributes, RequiresReplace, private state, import, a state
// upgrade from version 0, a move from another type, path diagnostics and a slow create.
type thing struct {
	cfg *providerModel
}

type settingsModel struct {
	Mode  types.String `tfsdk:"mode"`
	Level types.Int64  `tfsdk:"level"`
}

type ruleModel struct {
	Port     types.Int64  `tfsdk:"port"`
	Protocol types.String `tfsdk:"protocol"`
}

type thingModel struct {
	ID         types.String   `tfsdk:"id"`
	Name       types.String   `tfsdk:"name"`
	Size       types.Int64    `tfsdk:"size"`
	Tags       types.Set      `tfsdk:"tags"`
	Secret     types.String   `tfsdk:"secret"`
	PasswordWO types.String   `tfsdk:"password_wo"`
	WOLength   types.Int64    `tfsdk:"wo_length"`
	Settings   *settingsModel `tfsdk:"settings"`
	Rules      []ruleModel    `tfsdk:"rule"`
	CreatedAt  types.String   `tfsdk:"created_at"`
	DelayMS    types.Int64    `tfsdk:"delay_ms"`
	Behavior   types.String   `tfsdk:"behavior"`
}

func newThing() resource.Resource { return &thing{} }

func (r *thing) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_thing"
}

func thingSchema() schema.Schema {
	return schema.Schema{
		Version: 1,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"name": schema.StringAttribute{Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"size": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(1)},
			"tags": schema.SetAttribute{Optional: true, ElementType: types.StringType},
			"secret": schema.StringAttribute{Optional: true, Sensitive: true},
			"password_wo": schema.StringAttribute{Optional: true, WriteOnly: true},
			"wo_length": schema.Int64Attribute{Computed: true},
			"settings": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
				"mode":  schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("fast")},
				"level": schema.Int64Attribute{Optional: true},
			}},
			"created_at": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"delay_ms":   schema.Int64Attribute{Optional: true},
			"behavior":   schema.StringAttribute{Optional: true},
		},
		Blocks: map[string]schema.Block{
			"rule": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"port":     schema.Int64Attribute{Required: true},
				"protocol": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("tcp")},
			}}},
		},
	}
}

func (r *thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = thingSchema()
}

func (r *thing) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	if cfg, ok := req.ProviderData.(*providerModel); ok {
		r.cfg = cfg
	}
}

func (r *thing) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m thingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.Size.IsNull() && !m.Size.IsUnknown() && m.Size.ValueInt64() < 0 {
		resp.Diagnostics.AddAttributeError(path.Root("size"), "Invalid size", "size must not be negative")
	}
	for i, rule := range m.Rules {
		if !rule.Port.IsUnknown() && rule.Port.ValueInt64() > 65535 {
			resp.Diagnostics.AddAttributeError(path.Root("rule").AtListIndex(i).AtName("port"), "Invalid port", fmt.Sprintf("port %d is above 65535", rule.Port.ValueInt64()))
		}
	}
	if m.Name.ValueString() == "warn-me" {
		resp.Diagnostics.AddAttributeWarning(path.Root("name"), "Suspicious name", "the name warn-me is only a warning")
	}
}

func (r *thing) prefix() string {
	if r.cfg == nil {
		return ""
	}
	return r.cfg.Prefix.ValueString()
}

func (r *thing) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m thingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	switch m.Behavior.ValueString() {
	case "fail":
		resp.Diagnostics.AddAttributeError(path.Root("behavior"), "Create refused", "the test provider was asked to fail")
		return
	case "crash":
		fmt.Fprintln(os.Stderr, "ballasttest6: about to crash while creating", m.Name.ValueString())
		os.Exit(3)
	case "hang":
		fmt.Fprintln(os.Stderr, "ballasttest6: hanging and ignoring cancellation")
		time.Sleep(time.Hour)
	}
	if d := m.DelayMS.ValueInt64(); d > 0 {
		select {
		case <-time.After(time.Duration(d) * time.Millisecond):
		case <-ctx.Done():
			resp.Diagnostics.AddError("Create cancelled", "the provider was stopped during a slow create")
			return
		}
	}
	var wo types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &wo)...)
	m.WOLength = types.Int64Value(int64(len(wo.ValueString())))
	m.ID = types.StringValue(r.prefix() + "thing-" + m.Name.ValueString())
	m.CreatedAt = types.StringValue("created")
	m.PasswordWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, "etag", []byte(`{"generation":1}`))...)
}

func (r *thing) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m thingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	etag, d := req.Private.GetKey(ctx, "etag")
	resp.Diagnostics.Append(d...)
	if len(etag) == 0 {
		resp.Diagnostics.AddError("Private state lost", "the private data written at create did not come back")
		return
	}
	if m.Name.IsNull() {
		// after import only the id is known: derive the rest the way a real API would answer
		id := m.ID.ValueString()
		m.Name = types.StringValue(id[strings.Index(id, "thing-")+len("thing-"):])
		m.Size = types.Int64Value(1)
		m.Tags = types.SetNull(types.StringType)
		m.WOLength = types.Int64Value(0)
		m.CreatedAt = types.StringValue("imported")
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *thing) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m thingModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var wo types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &wo)...)
	m.WOLength = types.Int64Value(int64(len(wo.ValueString())))
	etag, d := req.Private.GetKey(ctx, "etag")
	resp.Diagnostics.Append(d...)
	var g struct{ Generation int `json:"generation"` }
	_ = json.Unmarshal(etag, &g)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, "etag", []byte(`{"generation":`+strconv.Itoa(g.Generation+1)+`}`))...)
}

func (r *thing) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	// wo_length follows the write-only value, which is never in state: unknown whenever the plan changes
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	if !req.Plan.Raw.Equal(req.State.Raw) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("wo_length"), types.Int64Unknown())...)
	}
}

func (r *thing) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m thingModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if m.Behavior.ValueString() == "undeletable" {
		resp.Diagnostics.AddError("Delete refused", "this thing cannot be deleted")
	}
}

func (r *thing) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !strings.Contains(req.ID, "thing-") {
		resp.Diagnostics.AddError("Invalid import id", fmt.Sprintf("%q is not a thing id (expected thing-NAME)", req.ID))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, "etag", []byte(`{"generation":0}`))...)
}

// Version 0 stored size as a string.
func (r *thing) UpgradeState(_ context.Context) map[int64]resource.StateUpgrader {
	prior := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true},
		"name": schema.StringAttribute{Required: true},
		"size": schema.StringAttribute{Optional: true},
	}}
	return map[int64]resource.StateUpgrader{
		0: {
			PriorSchema: &prior,
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var old struct {
					ID   types.String `tfsdk:"id"`
					Name types.String `tfsdk:"name"`
					Size types.String `tfsdk:"size"`
				}
				resp.Diagnostics.Append(req.State.Get(ctx, &old)...)
				if resp.Diagnostics.HasError() {
					return
				}
				n, err := strconv.ParseInt(old.Size.ValueString(), 10, 64)
				if err != nil {
					resp.Diagnostics.AddAttributeError(path.Root("size"), "Cannot upgrade size", err.Error())
					return
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, upgraded(old.ID, old.Name, n))...)
			},
		},
	}
}

func upgraded(id, name types.String, size int64) *thingModel {
	return &thingModel{
		ID: id, Name: name, Size: types.Int64Value(size),
		Tags: types.SetNull(types.StringType), Secret: types.StringNull(), PasswordWO: types.StringNull(),
		WOLength: types.Int64Value(0), CreatedAt: types.StringValue("upgraded"),
		DelayMS: types.Int64Null(), Behavior: types.StringNull(),
	}
}

// ballasttest6_legacy_thing objects (raw JSON {"id","name"}) can move to ballasttest6_thing.
func (r *thing) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{{
		StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
			if req.SourceTypeName != "ballasttest6_legacy_thing" || req.SourceRawState == nil {
				return
			}
			var raw map[string]any
			if err := json.Unmarshal(req.SourceRawState.JSON, &raw); err != nil {
				resp.Diagnostics.AddError("Cannot read moved state", err.Error())
				return
			}
			id, _ := raw["id"].(string)
			name, _ := raw["name"].(string)
			resp.Diagnostics.Append(resp.TargetState.Set(ctx, upgraded(types.StringValue(id), types.StringValue(name), 1))...)
			resp.Diagnostics.Append(resp.TargetPrivate.SetKey(ctx, "etag", []byte(`{"generation":0}`))...)
		},
	}}
}

var _ attr.Value = types.StringNull()
