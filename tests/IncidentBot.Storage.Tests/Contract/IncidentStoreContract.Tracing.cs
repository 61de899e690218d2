using System.Diagnostics;
using IncidentBot.Core.Messaging;

namespace IncidentBot.Storage.Tests.Contract;

public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task A_queued_message_carries_the_trace_it_was_queued_in()
    {
        var incident = await DeclareAsync(SlackA);
        using var source = new ActivitySource("IncidentBot.Storage.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string queuedIn;
        using (var activity = source.StartActivity("decide")!)
        {
            queuedIn = activity.Id!;
            await EnqueueAsync(incident.Id, new PostRootMessage());
        }

        await EnqueueAsync(incident.Id, new ReplyToRequester("https://hooks.slack.test/response/1", MessageContent.Plain("done")));

        var claimed = await ClaimAsync(T0);

        Assert.Equal(queuedIn, Assert.Single(claimed, m => m.Intent is PostRootMessage).TraceParent);
        Assert.Null(Assert.Single(claimed, m => m.Intent is ReplyToRequester).TraceParent);
    }
}
