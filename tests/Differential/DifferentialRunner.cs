using System.Text;
using Xunit;

namespace DataTier.Tests.Differential;

/// <summary>
/// Runs a case against both endpoints, step by step, and fails at the first step whose answers differ
/// in status, error type, message or (normalised) body, unless the allow-list names that step.
/// </summary>
public static class DifferentialRunner
{
    public static async Task RunAsync(DiffCase c, DifferentialClient client)
    {
        var differences = DeliberateDifferences.Instance;
        var table = "diff-" + Guid.NewGuid().ToString("N")[..12];
        var table2 = table + "-2";
        for (var i = 0; i < c.Steps.Count; i++)
        {
            var step = c.Steps[i];
            var deliberate = differences.For(c, i + 1);
            var body = step.Render(table, table2);
            var (project, dynalite) = deliberate is { DynaliteCrashes: true }
                ? (await client.SendToProjectAsync(step.Target, body, step.ContentType), new PeerResponse(0, "(not sent: dynalite crashes on this request)", null))
                : await client.SendAsync(step.Target, body, step.ContentType);
            var where = $"Case {c.Name}, step {i + 1} of {c.Steps.Count}: {step}\n  project:  {Shorten(project.Raw)} ({(int)project.Status})\n  dynalite: {Shorten(dynalite.Raw)} ({(int)dynalite.Status})";
            var projectText = ResponseNormalizer.Canonical(project, step.Operation, differences.Fields);
            var dynaliteText = ResponseNormalizer.Canonical(dynalite, step.Operation, differences.Fields);
            var same = project.Status == dynalite.Status && projectText == dynaliteText;

            if (step.Operation is "CreateTable" or "UpdateTable" && dynalite.Status == System.Net.HttpStatusCode.OK)
                await client.WaitUntilActiveOnDynaliteAsync(dynalite);

            if (deliberate is not null)
            {
                var expect = deliberate.Expect;
                var expectedMessage = expect.Message?.Replace("$T2", table2, StringComparison.Ordinal).Replace("$T", table, StringComparison.Ordinal);
                Check((int)project.Status == expect.Status && project.ErrorType == expect.Type && project.Message == expectedMessage,
                    $"The project does not give the answer deliberate difference '{deliberate.Id}' records for AWS " +
                    $"({expect.Status} {expect.Type}: {expectedMessage}).\n{where}");
                Check(!same, $"dynalite now answers as the project does: deliberate difference '{deliberate.Id}' no longer applies to this case; remove it from the list.\n{where}");
                continue;
            }

            Check(project.Status == dynalite.Status, $"HTTP status differs.\n{where}");
            Check(project.ErrorType == dynalite.ErrorType, $"Error type differs.\n{where}");
            Check(same, $"{(project.Message != dynalite.Message ? "Message" : "Body")} differs after normalising.\n  project:  {Shorten(projectText)}\n  dynalite: {Shorten(dynaliteText)}\n{where}");
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition) Assert.Fail(message);
    }

    private static string Shorten(string s)
    {
        if (s.Length <= 2000) return s;
        var b = new StringBuilder(s, 0, 2000, 2100);
        b.Append($"... ({s.Length} chars)");
        return b.ToString();
    }
}
