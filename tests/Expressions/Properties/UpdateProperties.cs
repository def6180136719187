using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>Update expressions: the engine's parse and apply against the reference updater on generated items.</summary>
public class UpdateProperties
{
    [Property(MaxTest = 500, Arbitrary = [typeof(ExpressionArbitraries)])]
    public Property Engine_update_agrees_with_the_reference(UpdateCase c)
    {
        var rendered = c.Render();
        Dictionary<string, AttrValue>? engine;
        string? rejection = null;
        try
        {
            var context = new ExpressionContext(rendered.Names, rendered.Values);
            var actions = ExpressionParser.ParseUpdate(rendered.Text, context);
            context.EnsureAllUsed();
            engine = UpdateApplier.Apply(c.Item, actions);
        }
        catch (DynamoException e) when (e.Code == DynamoErrorCode.ValidationException)
        {
            engine = null;
            rejection = e.Message;
        }
        var reference = ReferenceUpdater.Apply(c.Item, c.Actions);
        var agree = engine is null ? reference is null : reference is not null && RefValues.ItemsEqual(engine, reference);
        return agree.Classify(reference is null, "invalid").Classify(reference is not null, "applied").Label($"engine {(engine is null ? "rejected: " + rejection : Show.Item(engine))}{Environment.NewLine}  reference {(reference is null ? "invalid" : Show.Item(reference))}");
    }
}
