using Centrex.Switch.CallFlows.Nodes;
using NodaTime;

namespace Centrex.Switch.CallFlows;

/// <summary>Builds one node from its definition.</summary>
public delegate FlowNode FlowNodeFactory(FlowNodeDefinition node, FlowCompileContext context);

/// <summary>
/// The node types call control runs, by name (seed 003). Provisioning refuses a type not in its own catalogue
/// (<c>Centrex.Provisioning.Model.CallFlowNodeTypes</c>); adding a feature adds an entry in both and a node class here.
/// </summary>
public static class FlowNodeTypes
{
    /// <summary>Every type's factory.</summary>
    public static readonly IReadOnlyDictionary<string, FlowNodeFactory> All = new Dictionary<string, FlowNodeFactory>(StringComparer.Ordinal)
    {
        ["my-numbers"] = (n, c) => new EntryNode { Id = n.Id, NextNode = c.Branch(n, "next") },
        ["call-to-sip"] = (n, c) => new CallToSipNode
        {
            Id = n.Id, AccountId = c.Account(n, "extension"), RingSeconds = c.Seconds(n, "ring_for"), NoAnswer = c.Branch(n, "no-answer"), Busy = c.Branch(n, "busy"),
        },
        ["call-to-phone"] = (n, c) => new CallToPhoneNode
        {
            Id = n.Id, Number = c.Field(n, "number").TrimStart('+'), Payer = n.Fields.GetValueOrDefault("account"), RingSeconds = c.Seconds(n, "ring_for"),
            NoAnswer = c.Branch(n, "no-answer"), Busy = c.Branch(n, "busy"),
        },
        ["hunt-group"] = (n, c) => new HuntGroupNode
        {
            Id = n.Id, Group = c.Groups(c.Field(n, "group")) ?? throw c.Error(n, "fields.group", $"'{n.Fields["group"]}' is not a hunt group of the customer"),
            NoAnswer = c.Branch(n, "no-answer"),
        },
        ["follow-me"] = (n, c) => new FollowMeNode { Id = n.Id, AccountId = c.Account(n, "extension"), NoAnswer = c.Branch(n, "no-answer") },
        ["time-routing"] = (n, c) => new TimeRoutingNode
        {
            Id = n.Id, Hours = Parse(n, c, "hours", OfficeHours.Parse), Holidays = Parse(n, c, "holidays", OfficeHours.ParseHolidays),
            Zone = n.Fields.TryGetValue("time_zone", out var zone) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? throw c.Error(n, "fields.time_zone", $"'{zone}' is not an IANA time zone") : null,
            WhenTrue = c.Branch(n, "true"), WhenFalse = c.Branch(n, "false"),
        },
        ["day-night"] = (n, c) => new DayNightNode { Id = n.Id, Day = c.Branch(n, "day"), Night = c.Branch(n, "night") },
        ["http-notification"] = (n, c) => new HttpNotificationNode
        {
            Id = n.Id, Url = HttpUrl(n, c, c.Field(n, "url")), Timeout = Timeout(n, c, 3), NextNode = c.Branch(n, "next"), Error = c.Branch(n, "error"),
            Choices = [c.Branch(n, "1"), c.Branch(n, "2"), c.Branch(n, "3"), c.Branch(n, "4"), c.Branch(n, "5")],
        },
        ["caller-name-lookup"] = (n, c) => new CallerNameLookupNode
        {
            Id = n.Id, UrlTemplate = Template(n, c), JsonField = n.Fields.GetValueOrDefault("field") ?? "name", Timeout = Timeout(n, c, 2),
            NextNode = c.Branch(n, "next"), Error = c.Branch(n, "error"),
        },
        ["change-prefix"] = (n, c) => new ChangeCallerNode
        {
            Id = n.Id, Strip = Strip(n, c), Prefix = Affix(n, c, "prefix"), Suffix = Affix(n, c, "suffix"), NextNode = c.Branch(n, "next"),
        },
        ["email-notification"] = (n, c) => new EmailNotificationNode
        {
            Id = n.Id, To = Email(n, c), Subject = n.Fields.GetValueOrDefault("subject") ?? EmailNotificationNode.DefaultSubject,
            Timeout = Timeout(n, c, AsyncFlowNode.MaxTimeoutSeconds), NextNode = c.Branch(n, "next"),
        },
        ["call-history"] = (n, c) => new CallHistoryNode
        {
            Id = n.Id, Days = Days(n, c), RingSeconds = c.Seconds(n, "ring_for"), Timeout = Timeout(n, c, 3), Error = c.Branch(n, "else"),
        },
    };

    /// <summary>A node's deadline: whole seconds up to <see cref="AsyncFlowNode.MaxTimeoutSeconds"/>, <paramref name="seconds"/> when absent.</summary>
    private static Duration Timeout(FlowNodeDefinition n, FlowCompileContext c, int seconds)
    {
        var given = c.Seconds(n, "timeout");
        return given > AsyncFlowNode.MaxTimeoutSeconds
            ? throw c.Error(n, "fields.timeout", $"{given} is more than {AsyncFlowNode.MaxTimeoutSeconds} seconds (the caller waits in silence)")
            : Duration.FromSeconds(given > 0 ? given : seconds);
    }

    private static Uri HttpUrl(FlowNodeDefinition n, FlowCompileContext c, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
        : throw c.Error(n, "fields.url", $"'{text}' is not an http:// or https:// URL");

    private static string Template(FlowNodeDefinition n, FlowCompileContext c)
    {
        var text = c.Field(n, "url");
        HttpUrl(n, c, text.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal));
        return text;
    }

    private static int Strip(FlowNodeDefinition n, FlowCompileContext c) =>
        !n.Fields.TryGetValue("strip", out var text) ? 0
        : int.TryParse(text, out var strip) && strip is >= 0 and <= ChangeCallerNode.MaxAffixLength ? strip
        : throw c.Error(n, "fields.strip", $"'{text}' is not 0 to {ChangeCallerNode.MaxAffixLength} digits");

    private static string Affix(FlowNodeDefinition n, FlowCompileContext c, string field) =>
        n.Fields.GetValueOrDefault(field) is not { } text ? string.Empty
        : ChangeCallerNode.IsAffix(text) ? text : throw c.Error(n, "fields." + field, $"'{text}' is not up to {ChangeCallerNode.MaxAffixLength} digits, * or # (+ first)");

    private static string Email(FlowNodeDefinition n, FlowCompileContext c)
    {
        var to = c.Field(n, "to");
        return System.Net.Mail.MailAddress.TryCreate(to, out var address) && address.Address == to ? to : throw c.Error(n, "fields.to", $"'{to}' is not an email address");
    }

    private static int Days(FlowNodeDefinition n, FlowCompileContext c)
    {
        var text = c.Field(n, "days");
        return int.TryParse(text, out var days) && days is >= 1 and <= CallHistoryNode.MaxDays ? days
            : throw c.Error(n, "fields.days", $"'{text}' is not 1 to {CallHistoryNode.MaxDays} days");
    }

    private static T Parse<T>(FlowNodeDefinition n, FlowCompileContext c, string field, Func<string, T> parse)
    {
        try
        {
            return parse(field == "hours" ? c.Field(n, field) : n.Fields.GetValueOrDefault(field) ?? string.Empty);
        }
        catch (Exception e) when (e is FormatException or NodaTime.Text.UnparsableValueException)
        {
            throw c.Error(n, "fields." + field, e.Message);
        }
    }
}
