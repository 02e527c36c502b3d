namespace Centrex.Portal.Features.Shared;

/// <summary>
/// Which input of a form a provisioning refusal is about (issue 16: "the field is named in the error shown next to
/// it"): the field <see cref="Data.ProvisioningChanges.FieldOf"/> found when the form has it, else the first of the
/// form's fields that the message names as import names it (<c>address.country 'X'</c>, <c>credit_limit is
/// negative</c>), else the top of the form.
/// </summary>
public static class RefusalField
{
    public static string Of(Data.ProvisioningChanges.Result result, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = fields.ToList();
        if (result.Field is { } f && list.Contains(f))
        {
            return f;
        }

        var message = result.Message ?? string.Empty;
        return list.FirstOrDefault(name => message.Contains($": {name} ", StringComparison.Ordinal) || message.Contains($": {name},", StringComparison.Ordinal)
            || message.Contains($".{name} ", StringComparison.Ordinal) || message.Contains($": {name.Split('_')[0]} \"", StringComparison.Ordinal)) ?? string.Empty;
    }
}
