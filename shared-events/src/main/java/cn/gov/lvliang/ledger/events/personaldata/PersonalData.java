package cn.gov.lvliang.ledger.events.personaldata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} record component that holds a natural person's personal data (个人信息): an identity number,
 * a phone number, a name, a reporter's handle. The event serializers store such a value encrypted under the data
 * key of the subject it belongs to, never in clear; once that subject's keys are destroyed, the value reads back as
 * {@link #ERASED}.
 *
 * <p>The subject is named by another component of the same record ({@link #subjectFrom()}) or, by default, by the
 * annotated component itself; so an applicant's name and phone are kept under the key of the applicant's identity
 * number.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /**
     * What an erased value reads as, everywhere: in events read back, in read models, exports and as-of states. The
     * pages show it in the user's language. It is never encrypted, and never a real identifier.
     */
    String ERASED = "[erased]";

    /** Whose personal data it is: the kind of identifier that names the subject. */
    DataSubjectKind subjectKind();

    /** The record component whose value identifies the data subject; empty for the annotated component itself. */
    String subjectFrom() default "";
}
