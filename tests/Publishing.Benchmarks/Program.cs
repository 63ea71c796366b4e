using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Publishing.Benchmarks.SampleBuildBenchmarks).Assembly).Run(args);
