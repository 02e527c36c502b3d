// The stress tests spin producer and consumer threads; on a 2-core machine, test classes running in parallel would
// starve each other into timeouts. Run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
