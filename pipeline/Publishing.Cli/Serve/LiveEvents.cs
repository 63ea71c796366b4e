using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace Publishing.Cli.Serve;

/// <summary>The open pages listening for "built" events (server-sent events), one channel per page.</summary>
internal sealed class LiveEvents
{
    private readonly object _gate = new();
    private readonly List<Channel<string>> _listeners = new();

    public Channel<string> Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _listeners.Add(channel);
        return channel;
    }

    public void Unsubscribe(Channel<string> channel)
    {
        lock (_gate) _listeners.Remove(channel);
    }

    public void Publish(string json)
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite(json);
    }
}

/// <summary>A "built" event's data, read by site.js: which document, whether it built, whether with its PDF, and the page's version now.</summary>
internal sealed record LiveBuilt(string Document, bool Ok, bool Pdf, string Version);

/// <summary>/_live/status: the problems that keep a document from building.</summary>
internal sealed record LiveStatus(IReadOnlyList<string> Problems);

/// <summary>The live preview's JSON (camelCase, as site.js reads it), generated at compile time for the AOT command.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LiveBuilt))]
[JsonSerializable(typeof(LiveStatus))]
internal sealed partial class LiveJson : JsonSerializerContext;
