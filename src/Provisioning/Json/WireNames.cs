using Centrex.Provisioning.Model;
using Centrex.Rating.Discounts;
using Centrex.Rating.Numbering;

namespace Centrex.Provisioning.Json;

/// <summary>The names enums have in the JSON format and the store (a contract: never rename, only add).</summary>
public static class WireNames
{
    /// <summary>Account types.</summary>
    public static readonly IReadOnlyDictionary<string, AccountType> AccountTypes = new Dictionary<string, AccountType>
    {
        ["credit"] = AccountType.Credit,
        ["debit"] = AccountType.Debit,
    };

    /// <summary>Service statuses of customers and accounts.</summary>
    public static readonly IReadOnlyDictionary<string, ServiceStatus> ServiceStatuses = new Dictionary<string, ServiceStatus>
    {
        ["active"] = ServiceStatus.Active,
        ["suspended"] = ServiceStatus.Suspended,
    };

    /// <summary>Send-statistic preferences.</summary>
    public static readonly IReadOnlyDictionary<string, SendStatistic> SendStatistics = new Dictionary<string, SendStatistic>
    {
        ["full"] = SendStatistic.Full,
        ["summary"] = SendStatistic.Summary,
        ["none"] = SendStatistic.None,
    };

    /// <summary>Payment methods.</summary>
    public static readonly IReadOnlyDictionary<string, PaymentMethod> PaymentMethods = new Dictionary<string, PaymentMethod>
    {
        ["card"] = PaymentMethod.Card,
        ["paypal"] = PaymentMethod.PayPal,
        ["bank-transfer"] = PaymentMethod.BankTransfer,
        ["bill-payment"] = PaymentMethod.BillPayment,
    };

    /// <summary>One-off fee kinds.</summary>
    public static readonly IReadOnlyDictionary<string, OneOffFeeKind> FeeKinds = new Dictionary<string, OneOffFeeKind>
    {
        ["porting"] = OneOffFeeKind.Porting,
        ["number-setup"] = OneOffFeeKind.NumberSetup,
        ["other"] = OneOffFeeKind.Other,
    };

    /// <summary>Payment kinds.</summary>
    public static readonly IReadOnlyDictionary<string, PaymentKind> PaymentKinds = new Dictionary<string, PaymentKind>
    {
        ["payment"] = PaymentKind.Payment,
        ["refund"] = PaymentKind.Refund,
    };

    /// <summary>Dialing rules.</summary>
    public static readonly IReadOnlyDictionary<string, DialingRules> DialingRules = new Dictionary<string, DialingRules>
    {
        ["e164"] = Model.DialingRules.E164,
        ["north-america"] = Model.DialingRules.NorthAmerica,
        ["enabled"] = Model.DialingRules.Enabled,
        ["custom"] = Model.DialingRules.Custom,
    };

    /// <summary>Discount bases.</summary>
    public static readonly IReadOnlyDictionary<string, DiscountBasis> DiscountBases = new Dictionary<string, DiscountBasis>
    {
        ["minutes"] = DiscountBasis.Minutes,
        ["money"] = DiscountBasis.Money,
    };

    /// <summary>Hide CLI modes (seed 004 Identity).</summary>
    public static readonly IReadOnlyDictionary<string, HideCli> HideCliModes = new Dictionary<string, HideCli>
    {
        ["never"] = HideCli.Never,
        ["always"] = HideCli.Always,
        ["automatic"] = HideCli.Automatic,
    };

    /// <summary>Forwarding modes.</summary>
    public static readonly IReadOnlyDictionary<string, ForwardingMode> ForwardingModes = new Dictionary<string, ForwardingMode>
    {
        ["off"] = ForwardingMode.Off,
        ["simple"] = ForwardingMode.Simple,
        ["follow-me"] = ForwardingMode.FollowMe,
        ["advanced"] = ForwardingMode.Advanced,
    };

    /// <summary>When forwarding applies.</summary>
    public static readonly IReadOnlyDictionary<string, ForwardWhen> ForwardWhens = new Dictionary<string, ForwardWhen>
    {
        ["always"] = ForwardWhen.Always,
        ["unanswered"] = ForwardWhen.Unanswered,
    };

    /// <summary>Hunt sequences.</summary>
    public static readonly IReadOnlyDictionary<string, HuntSequence> HuntSequences = new Dictionary<string, HuntSequence>
    {
        ["order"] = HuntSequence.Order,
        ["random"] = HuntSequence.Random,
        ["simultaneous"] = HuntSequence.Simultaneous,
        ["least-used"] = HuntSequence.LeastUsed,
    };

    /// <summary>What hunt-group members see.</summary>
    public static readonly IReadOnlyDictionary<string, HuntCallerId> HuntCallerIds = new Dictionary<string, HuntCallerId>
    {
        ["keep"] = HuntCallerId.Keep,
        ["group"] = HuntCallerId.Group,
        ["group-name"] = HuntCallerId.GroupName,
    };

    /// <summary>What a forwarded call shows.</summary>
    public static readonly IReadOnlyDictionary<string, CallerDisplay> CallerDisplays = new Dictionary<string, CallerDisplay>
    {
        ["caller"] = CallerDisplay.Caller,
        ["caller-number-forwarder-name"] = CallerDisplay.CallerNumberForwarderName,
        ["forwarder"] = CallerDisplay.Forwarder,
    };

    /// <summary>Days of the week in ring schedules.</summary>
    public static readonly IReadOnlyDictionary<string, NodaTime.IsoDayOfWeek> Days = new Dictionary<string, NodaTime.IsoDayOfWeek>
    {
        ["mon"] = NodaTime.IsoDayOfWeek.Monday,
        ["tue"] = NodaTime.IsoDayOfWeek.Tuesday,
        ["wed"] = NodaTime.IsoDayOfWeek.Wednesday,
        ["thu"] = NodaTime.IsoDayOfWeek.Thursday,
        ["fri"] = NodaTime.IsoDayOfWeek.Friday,
        ["sat"] = NodaTime.IsoDayOfWeek.Saturday,
        ["sun"] = NodaTime.IsoDayOfWeek.Sunday,
    };

    /// <summary>Destination classes fraud controls may bar.</summary>
    public static readonly IReadOnlyDictionary<string, FraudClass> FraudClasses = new Dictionary<string, FraudClass>
    {
        ["international"] = FraudClass.International,
        ["premium"] = FraudClass.Premium,
    };

    /// <summary>Number classes (the rated CSV's names).</summary>
    public static readonly IReadOnlyDictionary<string, NumberClass> NumberClasses =
        System.Enum.GetValues<NumberClass>().ToDictionary(c => c.ToWireName(), c => c);

    /// <summary>The wire name of an enum value in one of these maps.</summary>
    public static string Name<T>(IReadOnlyDictionary<string, T> names, T value)
        where T : struct => names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Key;
}
