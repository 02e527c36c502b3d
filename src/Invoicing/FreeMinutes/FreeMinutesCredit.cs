using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.FreeMinutes;

/// <summary>The free North America minutes credit of one account for one month.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Month">The month the calls were made in.</param>
/// <param name="AllowanceMinutes">Free minutes included that month.</param>
/// <param name="CoveredSeconds">Billed seconds of domestic calls the allowance covered.</param>
/// <param name="CallsCredited">Calls wholly or partly credited.</param>
/// <param name="Credit">What is credited back (positive), the crossing call's share rounded down to the mill.</param>
public sealed record FreeMinutesCredit(string AccountId, YearMonth Month, int AllowanceMinutes, long CoveredSeconds, int CallsCredited, Mills Credit);
