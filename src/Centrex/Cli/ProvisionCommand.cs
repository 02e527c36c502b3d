using System.CommandLine;
using System.Text.Json;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex provision import FILE</c> and <c>centrex provision export</c>: the provisioning store in
/// <c>DATA/provisioning.db</c> in and out of the JSON format (README, "Provisioning JSON"). An import merges by id and
/// is validated whole before anything is written, so a bad file changes nothing.
/// </summary>
internal static class ProvisionCommand
{
    public static Command Create(CliConsole console)
    {
        var importData = DataOption.Create();
        var file = new Argument<string>("FILE") { Description = "Provisioning JSON file (format centrex-provisioning/1)" };
        var import = new Command("import", "Import customers, accounts, plans, subscriptions, discount plans, payments and the switch's data; all or nothing.") { importData, file };
        import.SetAction(parse => Import(console, parse.GetRequiredValue(importData), parse.GetRequiredValue(file)));

        var exportData = DataOption.Create();
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        output.Validators.Add(OutputFile.MustBeWritable);
        var export = new Command("export", "Export everything provisioned as JSON that import reads back.") { exportData, output };
        export.SetAction(parse => Export(console, parse.GetRequiredValue(exportData), parse.GetValue(output)));

        return new Command("provision", "The provisioning store: customers, accounts, plans, subscriptions, discount plans, payments; sites, trunks, SIP lines and DIDs.") { import, export };
    }

    public static int Import(CliConsole console, string dataDirectory, string path)
    {
        try
        {
            var incoming = ProvisioningJsonReader.Read(path);
            using var store = ProvisioningStore.Open(dataDirectory);
            var merged = store.Import(incoming, path, notice => console.Error.WriteLine($"centrex provision: {notice}"));
            console.Error.WriteLine($"centrex provision: imported {path} into {store.Path}");
            console.Error.WriteLine(
                $"  now {merged.Customers.Count:N0} customers, {merged.Accounts.Count:N0} accounts, {merged.Products.Count:N0} plans, " +
                $"{merged.Subscriptions.Count:N0} subscriptions, {merged.DiscountPlans.Count:N0} discount plans, {merged.Payments.Count:N0} payments, {merged.Fees.Count:N0} one-off fees");
            console.Error.WriteLine(
                $"  switch: {merged.Sites.Count:N0} sites, {merged.Trunks.Count:N0} trunks, {merged.Accounts.Count(a => a.Sip is not null):N0} SIP accounts, " +
                $"{merged.Accounts.Sum(a => a.Dids.Count):N0} DIDs");
            return ExitCodes.Success;
        }
        catch (ProvisioningException e)
        {
            console.Error.WriteLine($"centrex provision: {e.Message}");
            console.Error.WriteLine("centrex provision: nothing was imported");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex provision: {path}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (SqliteException e)
        {
            console.Error.WriteLine($"centrex provision: the store in {dataDirectory} cannot be used: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    public static int Export(CliConsole console, string dataDirectory, string? path)
    {
        try
        {
            using var store = ProvisioningStore.Open(dataDirectory);
            var snapshot = store.Load();
            if (path is null)
            {
                using var buffer = new MemoryStream();
                ProvisioningJsonWriter.Write(snapshot, buffer);
                console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                console.Out.WriteLine();
            }
            else
            {
                var partial = path + ".partial";
                using (var stream = File.Create(partial))
                {
                    ProvisioningJsonWriter.Write(snapshot, stream);
                }

                File.Move(partial, path, overwrite: true);
                console.Error.WriteLine($"centrex provision: exported {snapshot.Customers.Count:N0} customers to {path}");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            console.Error.WriteLine($"centrex provision: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (SqliteException e)
        {
            console.Error.WriteLine($"centrex provision: the store in {dataDirectory} cannot be used: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
