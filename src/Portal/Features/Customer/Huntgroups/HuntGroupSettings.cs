using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Portal.Features.Customer.Huntgroups;

/// <summary>
/// A hunt group's own settings as a form or the API gives them (seed 004, "Add Huntgroup": Huntgroup Number, Name, Hunt
/// Sequence, Caller ID, Call Pickup Allowed; and where an unanswered call goes), each field as typed, checked before
/// provisioning sees it only for what provisioning leaves to the dial plan: a group number is digits (a phone dials it),
/// a no-answer destination is an extension, a group or an E.164 number.
/// </summary>
public sealed record HuntGroupSettings(string? Number, string? Name, string? Sequence, string? CallerId, bool PickupAllowed, string? NoAnswer)
{
    /// <summary>What a new group's form starts with.</summary>
    public static HuntGroupSettings New { get; } = new(null, null, "order", "keep", false, null);

    /// <summary>The settings of <paramref name="group"/>.</summary>
    public static HuntGroupSettings Of(HuntGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new(group.Number, group.Name, WireNames.Name(WireNames.HuntSequences, group.Sequence), WireNames.Name(WireNames.HuntCallerIds, group.CallerId),
            group.PickupAllowed, group.NoAnswer);
    }

    /// <summary>Applies the settings to <paramref name="group"/>; null with each wrong field named in <paramref name="errors"/>.</summary>
    public HuntGroup? ApplyTo(HuntGroup group, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(errors);
        var number = Number?.Trim() ?? string.Empty;
        if (number.Length is < 1 or > 15 || !number.All(char.IsAsciiDigit))
        {
            errors["number"] = "the number your users dial to reach the group: 1 to 15 digits";
        }

        var name = Name?.Trim() ?? string.Empty;
        if (name.Length is < 1 or > 60)
        {
            errors["name"] = "a name for the group, up to 60 characters";
        }

        if (Sequence is null || !WireNames.HuntSequences.TryGetValue(Sequence, out var sequence))
        {
            errors["sequence"] = "choose order, random, simultaneous or least used";
            sequence = HuntSequence.Order;
        }

        if (CallerId is null || !WireNames.HuntCallerIds.TryGetValue(CallerId, out var callerId))
        {
            errors["caller_id"] = "choose what the members see";
            callerId = HuntCallerId.Keep;
        }

        var noAnswer = string.IsNullOrWhiteSpace(NoAnswer) ? null : NoAnswer.Trim();
        var digits = noAnswer?.StartsWith('+') == true ? noAnswer[1..] : noAnswer;
        if (digits is not null && (digits.Length is < 1 or > 15 || !digits.All(char.IsAsciiDigit)))
        {
            errors["no_answer"] = $"'{noAnswer}' is not an extension, a hunt group number or an E.164 number (+ and up to 15 digits)";
            Localization.Refusals.Note(Localization.Refusals.Current, "no-answer-target", errors["no_answer"], noAnswer!);
        }

        return errors.Count > 0 ? null
            : group with { Number = number, Name = name, Sequence = sequence, CallerId = callerId, PickupAllowed = PickupAllowed, NoAnswer = noAnswer };
    }
}
