namespace DataTier.Tests; public class PlaceholderTests { [Xunit.Fact] public void T() {} }
