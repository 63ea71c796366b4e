using BenchmarkDotNet.Running;

// `live …`: the live preview's save → reloaded page, whole processes (LivePreviewBenchmark); else BenchmarkDotNet.
if (args.Length > 0 && args[0] == "live") return await Publishing.Benchmarks.LivePreviewBenchmark.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Publishing.Benchmarks.SampleBuildBenchmarks).Assembly).Run(args);
return 0;
