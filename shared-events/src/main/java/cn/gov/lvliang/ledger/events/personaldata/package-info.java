/**
 * Personal data in the ledger's events (docs/personal-data.md). A record component that holds a citizen's personal
 * data carries {@link cn.gov.lvliang.ledger.events.personaldata.PersonalData}: the event serializers of both sides
 * store it encrypted under a key of its own data subject, so that destroying that key (crypto-shredding, recorded as
 * {@link cn.gov.lvliang.ledger.events.personaldata.PersonalDataErasedEvent}) makes the value unreadable everywhere,
 * history included, while the rest of every event stays readable and the sealed hash chain stays intact.
 */
package cn.gov.lvliang.ledger.events.personaldata;
