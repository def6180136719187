using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Tables;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// A partition checks an updated item by the attributes the update touched (<see cref="ItemValidator.ValidateUpdated"/>):
/// on generated updates of valid items it must agree with checking the whole item, size included.
/// </summary>
public class UpdateValidationProperties
{
    // The generated actions never name "id", as an UpdateItem may not touch a key attribute.
    private static readonly TableKeySchema Schema = new(new KeyAttribute("id", AttrType.S), null);

    [Property(MaxTest = 500, Arbitrary = [typeof(ExpressionArbitraries)])]
    public Property Checking_the_touched_attributes_agrees_with_checking_the_whole_item(UpdateCase c)
    {
        var before = new Dictionary<string, AttrValue>(c.Item) { ["id"] = AttrValue.FromS("k") };
        if (Outcome(() => { ItemValidator.ValidateItem(Schema, before); return 0; }) is not "size 0")
            return true.Classify(true, "invalid item");
        var rendered = c.Render();
        IReadOnlyList<UpdateAction> actions;
        Dictionary<string, AttrValue> updated;
        try
        {
            var context = new ExpressionContext(rendered.Names, rendered.Values);
            actions = ExpressionParser.ParseUpdate(rendered.Text, context);
            context.EnsureAllUsed();
            updated = UpdateApplier.Apply(before, actions);
        }
        catch (DynamoException e) when (e.Code == DynamoErrorCode.ValidationException)
        {
            return true.Classify(true, "invalid update");
        }
        var whole = Outcome(() => { ItemValidator.ValidateItem(Schema, updated, updated: true); return ItemSize.Of(updated); });
        var touched = Outcome(() => ItemValidator.ValidateUpdated(Schema, before, ItemSize.Of(before), updated, actions));
        return (whole == touched).Classify(whole.StartsWith("error", StringComparison.Ordinal), "rejected")
            .Label($"whole item: {whole}; touched attributes: {touched}; update {rendered.Text}");
    }

    private static string Outcome(Func<int> check)
    {
        try
        {
            return $"size {check()}";
        }
        catch (DynamoException e)
        {
            return $"error {e.Code}: {e.Message}";
        }
    }
}
