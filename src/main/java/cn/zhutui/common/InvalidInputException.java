package cn.zhutui.common;

import java.util.List;

/** Several rules broken at once (a form or a row with more than one bad field); all are reported. */
public class InvalidInputException extends BusinessException {

    private final transient List<BusinessException> violations;

    public InvalidInputException(List<BusinessException> violations) {
        super(violations.get(0).field(), violations.get(0).code(), violations.get(0).args());
        this.violations = List.copyOf(violations);
    }

    public List<BusinessException> violations() {
        return violations;
    }

    /** Collects violations and throws them together. */
    public static final class Collector {
        private final java.util.ArrayList<BusinessException> list = new java.util.ArrayList<>();

        public Collector add(String field, String code, Object... args) {
            list.add(BusinessException.onField(field, code, args));
            return this;
        }

        public Collector add(BusinessException e) {
            if (e instanceof InvalidInputException many) {
                list.addAll(many.violations());
            } else {
                list.add(e);
            }
            return this;
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        public void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidInputException(list);
            }
        }
    }
}
