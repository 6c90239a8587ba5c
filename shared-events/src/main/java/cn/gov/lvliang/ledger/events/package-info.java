/**
 * The message contract of the Lvliang case ledger: the commands the command side accepts, the events it stores
 * forever, and the value types they share.
 *
 * <p>Everything here is a Java record or enum without framework behaviour. Events are business facts in the past
 * tense, each with an {@link org.axonframework.serialization.Revision} so that an upcaster can be added when a later
 * version changes its shape. Every event carries the business time at which the fact happened; Axon's own timestamp
 * records when it was stored.
 */
package cn.gov.lvliang.ledger.events;
