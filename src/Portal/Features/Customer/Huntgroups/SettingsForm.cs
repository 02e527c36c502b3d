namespace Centrex.Portal.Features.Customer.Huntgroups;

/// <summary>What the settings fields (<c>_Settings.cshtml</c>, shared by the add and edit forms) show: the values and each field's error.</summary>
public sealed record SettingsForm(HuntGroupSettings Values, IReadOnlyDictionary<string, string> Errors);
