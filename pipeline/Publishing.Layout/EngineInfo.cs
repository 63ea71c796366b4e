namespace Publishing.Layout; internal static class EngineInfo { }
