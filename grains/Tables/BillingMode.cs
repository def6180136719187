namespace DataTier.Tables;

public enum BillingMode
{
    PROVISIONED,
    PAY_PER_REQUEST,
}
