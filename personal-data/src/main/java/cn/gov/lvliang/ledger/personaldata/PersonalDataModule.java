package cn.gov.lvliang.ledger.personaldata;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.personaldata.FieldCipher.Envelope;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Jackson side of field-level encryption, for the event serializer's mapper only (never the web's): a
 * {@link PersonalData} component is written as an encrypted envelope under its subject's key, and read back from an
 * envelope, or from plain text as events stored before encryption hold it (revision 1 of the events concerned).
 */
final class PersonalDataModule extends SimpleModule {

    private final transient FieldCipher cipher;

    PersonalDataModule(FieldCipher cipher) {
        super("ledger-personal-data");
        this.cipher = cipher;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addBeanSerializerModifier(new EncryptingModifier(cipher));
        context.insertAnnotationIntrospector(new DecryptingIntrospector(cipher));
    }

    /** Swaps the writer of every personal-data property for one that encrypts. */
    private static final class EncryptingModifier extends BeanSerializerModifier {

        private final FieldCipher cipher;

        EncryptingModifier(FieldCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> writers) {
            List<BeanPropertyWriter> changed = new ArrayList<>(writers.size());
            for (BeanPropertyWriter writer : writers) {
                PersonalData personalData = writer.getAnnotation(PersonalData.class);
                changed.add(personalData == null ? writer
                        : new EncryptingWriter(writer, subjectWriter(description, writers, writer, personalData),
                        personalData, cipher));
            }
            return changed;
        }

        private static BeanPropertyWriter subjectWriter(BeanDescription description, List<BeanPropertyWriter> writers,
                                                        BeanPropertyWriter writer, PersonalData personalData) {
            if (personalData.subjectFrom().isEmpty()) {
                return writer;
            }
            return writers.stream()
                    .filter(candidate -> candidate.getName().equals(personalData.subjectFrom()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(description.getBeanClass().getName() + "."
                            + writer.getName() + " names its data subject by " + personalData.subjectFrom()
                            + ", which the record does not have"));
        }
    }

    /** Writes a personal-data property as its envelope; null and the erased marker as they are. */
    private static final class EncryptingWriter extends BeanPropertyWriter {

        private static final long serialVersionUID = 1L;

        private final transient BeanPropertyWriter subject;
        private final transient PersonalData personalData;
        private final transient FieldCipher cipher;

        EncryptingWriter(BeanPropertyWriter base, BeanPropertyWriter subject, PersonalData personalData,
                         FieldCipher cipher) {
            super(base);
            this.subject = subject;
            this.personalData = personalData;
            this.cipher = cipher;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            if (!(get(bean) instanceof String plaintext) || PersonalData.ERASED.equals(plaintext)) {
                super.serializeAsField(bean, generator, provider);
                return;
            }
            Object identifier = subject.get(bean);
            Envelope envelope = cipher.encrypt(personalData.subjectKind(),
                    identifier instanceof String text ? text : null, getName(), plaintext);
            generator.writeFieldName(getName());
            generator.writeStartObject();
            generator.writeStringField(FieldCipher.ENCRYPTED, AesGcm.NAME);
            generator.writeStringField(FieldCipher.SUBJECT, envelope.subject());
            generator.writeNumberField(FieldCipher.KEY, envelope.generation());
            generator.writeStringField(FieldCipher.VALUE, envelope.value());
            generator.writeEndObject();
        }
    }

    /** Gives every personal-data property the decrypting deserializer. */
    private static final class DecryptingIntrospector extends NopAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        private final transient FieldCipher cipher;

        DecryptingIntrospector(FieldCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public Object findDeserializer(Annotated annotated) {
            return annotated.hasAnnotation(PersonalData.class) ? new DecryptingDeserializer(cipher, null) : null;
        }
    }

    /** Reads an envelope (decrypted, or the erased marker) or plain text (revision 1, stored before encryption). */
    private static final class DecryptingDeserializer extends StdDeserializer<String>
            implements ContextualDeserializer {

        private static final long serialVersionUID = 1L;

        private final transient FieldCipher cipher;
        private final String field;

        DecryptingDeserializer(FieldCipher cipher, String field) {
            super(String.class);
            this.cipher = cipher;
            this.field = field;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return new DecryptingDeserializer(cipher, property == null ? field : property.getName());
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            if (token == JsonToken.START_OBJECT) {
                JsonNode envelope = parser.readValueAsTree();
                return cipher.decrypt(envelope, field);
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}
