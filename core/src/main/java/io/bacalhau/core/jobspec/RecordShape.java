package io.bacalhau.core.jobspec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * What {@link TreeDecoder} needs to know of a record type, worked out once per type: reading
 * annotations and finding the canonical constructor for every field of every submitted job was a
 * tenth of the API's CPU per submission.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  final Class<?> type;
  final String[] names;
  final Type[] types;
  final String[] hints;
  final String fieldNames;
  private final Object[] defaults;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    int n = components.length;
    names = new String[n];
    types = new Type[n];
    hints = new String[n];
    defaults = new Object[n];
    Class<?>[] raw = new Class<?>[n];
    for (int i = 0; i < n; i++) {
      RecordComponent c = components[i];
      names[i] = TreeDecoder.jsonName(c);
      types[i] = c.getGenericType();
      hints[i] = FieldHints.of(type.getSimpleName() + "." + names[i]);
      raw[i] = c.getType();
      defaults[i] = raw[i] == int.class ? (Object) 0 : raw[i] == long.class ? (Object) 0L : null;
    }
    fieldNames = String.join(", ", names);
    try {
      constructor = type.getDeclaredConstructor(raw);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** The component a key names: its exact spelling first, else the first that differs in case. */
  int index(String key) {
    int folded = -1;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
      if (folded < 0 && names[i].equalsIgnoreCase(key)) {
        folded = i;
      }
    }
    return folded;
  }

  /** The arguments of a record no field was given for: zero numbers, null for the rest. */
  Object[] defaults() {
    return defaults.clone();
  }

  <T> T construct(Class<T> as, Object[] args) {
    try {
      return as.cast(constructor.newInstance(args));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }
}
