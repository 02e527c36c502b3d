using System.CommandLine;
using System.Security.Cryptography;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Centrex.Provisioning.Store;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex user add|list|passwd</c>: the self-care portal's logins (issue 16), kept in <c>DATA/access.db</c> with
/// the password's PBKDF2 hash only. A password comes from standard input (<c>--password-stdin</c>) or is made up
/// (16 random characters) and printed once on standard output.
/// </summary>
internal static class UserCommand
{
    public static Command Create(CliConsole console)
    {
        var addData = DataOption.Create();
        var login = new Argument<string>("LOGIN") { Description = "The login name (1 to 64 characters, no spaces)" };
        var asOperator = new Option<bool>("--operator") { Description = "An operator login: every customer, provisioning, tariffs, billing" };
        var customer = new Option<string?>("--customer") { Description = "A customer login: this customer's data only" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of making one up" };
        var add = new Command("add", "Create a portal login and print its password (once).") { addData, login, asOperator, customer, stdin };
        add.Validators.Add(result =>
        {
            if (result.GetValue(asOperator) == (result.GetValue(customer) is not null))
            {
                result.AddError("give either --operator or --customer ID");
            }
        });
        add.SetAction(parse => Add(console, parse.GetRequiredValue(addData), parse.GetRequiredValue(login), parse.GetValue(customer), parse.GetValue(stdin)));

        var listData = DataOption.Create();
        var list = new Command("list", "List the portal logins: login, role, customer, locked.") { listData };
        list.SetAction(parse => List(console, parse.GetRequiredValue(listData)));

        var passwdData = DataOption.Create();
        var passwdLogin = new Argument<string>("LOGIN") { Description = "The login whose password is reset" };
        var passwdStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input instead of making one up" };
        var passwd = new Command("passwd", "Reset a login's password (ends its sessions, lifts a lockout) and print the new one.") { passwdData, passwdLogin, passwdStdin };
        passwd.SetAction(parse => Reset(console, parse.GetRequiredValue(passwdData), parse.GetRequiredValue(passwdLogin), parse.GetValue(passwdStdin)));
        return new Command("user", "Logins of the self-care portal.") { add, list, passwd };
    }

    /// <summary>A password nobody chose: 16 letters and digits (about 95 random bits), nothing a shell or a form would mangle.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16);

    private static int Add(CliConsole console, string data, string login, string? customerId, bool fromStdin)
    {
        if (customerId is not null)
        {
            using var provisioning = ProvisioningStore.Open(data);
            if (provisioning.Load().Customers.All(c => c.Id != customerId))
            {
                console.Error.WriteLine($"centrex user add: --customer '{customerId}' is not a provisioned customer (centrex provision import)");
                return ExitCodes.BadInput;
            }
        }

        var (password, problem) = Password(fromStdin);
        if (problem is not null)
        {
            console.Error.WriteLine($"centrex user add: the password {problem}");
            return ExitCodes.BadInput;
        }

        using var users = UserStore.Open(data);
        try
        {
            users.Create(login, customerId is null ? UserRole.Operator : UserRole.Customer, customerId, PasswordHashing.Hash(password), SystemClock.Instance.GetCurrentInstant());
        }
        catch (ArgumentException e)
        {
            console.Error.WriteLine($"centrex user add: {e.Message.Split(" (Parameter")[0]}");
            return ExitCodes.BadInput;
        }

        if (!fromStdin)
        {
            console.Out.WriteLine(password);
        }

        console.Error.WriteLine($"centrex user: created {(customerId is null ? "operator" : $"customer {customerId}")} login '{login}'{(fromStdin ? string.Empty : "; its password is shown only now")}");
        return ExitCodes.Success;
    }

    private static int List(CliConsole console, string data)
    {
        using var users = UserStore.Open(data);
        var now = SystemClock.Instance.GetCurrentInstant();
        console.Out.WriteLine("login                            role      customer         locked");
        foreach (var user in users.List())
        {
            console.Out.WriteLine($"{user.Login,-32} {UserStore.RoleName(user.Role),-9} {user.CustomerId ?? "-",-16} {(user.IsLocked(now) ? "until " + user.LockedUntil : "-")}");
        }

        return ExitCodes.Success;
    }

    private static int Reset(CliConsole console, string data, string login, bool fromStdin)
    {
        using var users = UserStore.Open(data);
        if (users.Find(login) is not { } user)
        {
            console.Error.WriteLine($"centrex user passwd: no login '{login}' (see user list)");
            return ExitCodes.BadInput;
        }

        var (password, problem) = Password(fromStdin);
        if (problem is not null)
        {
            console.Error.WriteLine($"centrex user passwd: the password {problem}");
            return ExitCodes.BadInput;
        }

        users.SetPassword(user.Id, PasswordHashing.Hash(password), SystemClock.Instance.GetCurrentInstant());
        if (!fromStdin)
        {
            console.Out.WriteLine(password);
        }

        console.Error.WriteLine($"centrex user: new password for '{user.Login}'; its sessions are ended");
        return ExitCodes.Success;
    }

    private static (string Password, string? Problem) Password(bool fromStdin)
    {
        if (!fromStdin)
        {
            return (NewPassword(), null);
        }

        var password = (Console.In.ReadLine() ?? string.Empty).TrimEnd('\r', '\n');
        return (password, PasswordHashing.Problem(password) is { } problem ? "needs " + problem : null);
    }
}
