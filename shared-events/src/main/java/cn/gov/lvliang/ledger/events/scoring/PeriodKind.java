package cn.gov.lvliang.ledger.events.scoring;

/** The length of an assessment period. */
public enum PeriodKind {
    /** A calendar month, written {@code 2025-03}. */
    MONTH,
    /** A quarter, written {@code 2025-Q1}. */
    QUARTER,
    /** A half-year, written {@code 2025-H1}. */
    HALF_YEAR,
    /** A calendar year, written {@code 2025}. */
    YEAR
}
