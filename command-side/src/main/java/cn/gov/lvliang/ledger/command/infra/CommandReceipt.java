package cn.gov.lvliang.ledger.command.infra;

/**
 * What the ledger answers for a command it applied.
 *
 * @param requestId   the client's request id
 * @param aggregateId the case (or other aggregate) the command applied to
 * @param result      what the command produced, such as a new complaint's id, or {@code null}
 * @param repeated    {@code true} when this is the stored outcome of an earlier request with the same id
 */
public record CommandReceipt(String requestId, String aggregateId, String result, boolean repeated) {
}
