package cn.gov.lvliang.ledger.query.reference;

import cn.gov.lvliang.ledger.events.reference.WindowKind;
import java.util.List;

/**
 * A government-service hall with its windows.
 *
 * @param code         e.g. {@code 141102-HALL}
 * @param name         the hall's name
 * @param division     the division code of a county hall, absent for the city hall
 * @param divisionName the division's name
 * @param version      the reference data version it comes from
 * @param windows      its windows in published order
 */
public record HallView(
        String code, String name, String division, String divisionName, int version, List<WindowView> windows) {

    /** A window or service point of the hall. */
    public record WindowView(String code, String name, WindowKind kind) {
    }
}
