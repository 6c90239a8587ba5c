package cn.gov.lvliang.ledger.events.reference;

/**
 * A window or service point of a hall.
 *
 * @param code a stable code, e.g. {@code CITY-HALL-W01}
 * @param name the name, e.g. 综窗服务区
 * @param kind what it serves
 */
public record ServiceWindow(String code, String name, WindowKind kind) {
}
