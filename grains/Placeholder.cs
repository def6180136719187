namespace DataTier; public static class Placeholder {}
