namespace DataTier.Client; public static class Placeholder {}
