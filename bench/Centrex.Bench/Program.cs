using BenchmarkDotNet.Running;

namespace Centrex.Bench;

/// <summary>
/// Entry point for every benchmark in the suite: <c>dotnet run -c Release --project bench/Centrex.Bench -- --filter '*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["sip-parse-loop", var count])
        {
            Switch.SipParseLoop.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (args is ["sip-parse-ab", var oldDirectory, var newDirectory, .. var abRest])
        {
            Switch.SipParseComparison.Run(oldDirectory, newDirectory, abRest is [var pairs] ? int.Parse(pairs, System.Globalization.CultureInfo.InvariantCulture) : 200);
            return;
        }

        if (args is ["transaction-retained", .. var retainedRest])
        {
            Switch.TransactionTimerBenchmarks.MeasureRetained(retainedRest is [var calls] ? int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture) : 40_000);
            return;
        }

        if (args is ["ledger-open", var folder])
        {
            Ledger.DurableLedgerBench.Reopen(folder, "recovery of an existing ledger");
            return;
        }

        if (args is ["writer-cpu", var writerData, .. var writerRest])
        {
            Ledger.WriterCpuProbe.Run(writerData, writerRest);
            return;
        }

        if (args is ["ingest-request-cpu", var ingestTariff, var ingestData, var ingestCdrs, .. var ingestRest])
        {
            Ingestion.RequestSideProbe.Run(ingestTariff, ingestData, ingestCdrs, ingestRest);
            return;
        }

        if (args is ["ledger", .. var rest])
        {
            Ledger.DurableLedgerBench.Run(rest);
            return;
        }

        if (args is ["calllog-cpu", var calllogData, .. var calllogRest])
        {
            Portal.PortalCpuProbe.CallLog(calllogData, calllogRest is ["old", ..], calllogRest is [_, var alter] ? alter : null);
            return;
        }

        if (args is ["calllog-switch-cpu", var switchData, .. var switchRest])
        {
            Portal.CallLogSwitchProbe.Run(switchData, switchRest is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
            return;
        }

        if (args is ["transactions-csv", .. var transactionsRest])
        {
            Portal.TransactionsCsvProbe.Run(transactionsRest is [var rows, ..] ? int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
                transactionsRest is [_, var runs] ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args is ["xdr-cpu", var xdrData, var xdrCustomer, var xdrFrom, var xdrTo, .. var xdrRest])
        {
            Portal.PortalCpuProbe.Xdr(xdrData, xdrCustomer, xdrFrom, xdrTo, xdrRest is [var runs] ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
