namespace Centrex.Samples;

/// <summary>A country in the sample tariff: its calling code and per-minute rates in micro-dollars.</summary>
/// <param name="Code">ITU-T E.164 country code.</param>
/// <param name="Name">Destination name.</param>
/// <param name="FixedRate">Rate to fixed lines, micro-dollars per minute.</param>
/// <param name="MobileRate">Rate to mobiles, micro-dollars per minute.</param>
/// <param name="MobileLeadDigits">First digits after the country code that are mobile ranges.</param>
/// <param name="SubscriberDigits">Digits after the country code in a full number.</param>
internal sealed record Country(string Code, string Name, long FixedRate, long MobileRate, string MobileLeadDigits, int SubscriberDigits);
