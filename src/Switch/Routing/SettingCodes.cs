using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Routing;

/// <summary>
/// Star codes that change a line setting (seed 001, "User unavailable": do not disturb and anonymous call rejection
/// "can both be activated through star (*) codes"). The seeds name no digits, so these follow the North American
/// vertical service codes where they can: *78/*79 do not disturb on/off; *87 is the NANP code to turn anonymous call
/// rejection off, and since its NANP "on" code *77 is call pickup here (seed 004), *86 turns it on. Dialed alone.
/// </summary>
internal static class SettingCodes
{
    /// <summary>Every code, with the setting it changes and the value it sets.</summary>
    public static readonly (string Code, LineSetting Setting, bool On)[] All =
    [
        ("*78", LineSetting.DoNotDisturb, true),
        ("*79", LineSetting.DoNotDisturb, false),
        ("*86", LineSetting.AnonymousRejection, true),
        ("*87", LineSetting.AnonymousRejection, false),
    ];

    /// <summary>The setting code <paramref name="dialed"/> is, if it is one.</summary>
    public static bool TryMatch(string dialed, out LineSetting setting, out bool on)
    {
        foreach (var (code, s, value) in All)
        {
            if (string.Equals(dialed, code, StringComparison.Ordinal))
            {
                (setting, on) = (s, value);
                return true;
            }
        }

        (setting, on) = (default, false);
        return false;
    }

    /// <summary>Whether <paramref name="text"/> and a setting code start alike (a dialing prefix must not hide one).</summary>
    public static bool Overlaps(string text)
    {
        foreach (var (code, _, _) in All)
        {
            if (code.StartsWith(text, StringComparison.Ordinal) || text.StartsWith(code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
