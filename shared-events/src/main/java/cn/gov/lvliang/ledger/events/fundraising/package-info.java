/**
 * The message contract of the illegal-fundraising campaign (打击非法集资专项行动, 吕政办发〔2024〕20号): risk clues
 * ({@link cn.gov.lvliang.ledger.events.fundraising.RiskClueEvent}), disposal cases
 * ({@link cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent}) and the campaign calendar.
 *
 * <p>Money is exact: every amount is a {@code long} number of fen (分), in a field whose name ends in {@code Fen}.
 * Citizens appear only as references: a reporter by the reporting channel's handle, a participant by a register number,
 * a petition by the petitions system's number; never by name or identity number.
 */
package cn.gov.lvliang.ledger.events.fundraising;
