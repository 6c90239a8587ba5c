package cn.gov.lvliang.ledger.events.reference;

import java.util.List;

/**
 * A government-service hall and its windows.
 *
 * @param code     a stable code, e.g. {@code CITY-HALL}
 * @param name     the hall's name
 * @param division the division code of a county hall, {@code null} for the city hall
 * @param windows  its windows and service points
 */
public record ServiceHall(String code, String name, String division, List<ServiceWindow> windows) {

    public ServiceHall {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
