package cn.zhutui.common;

import org.springframework.validation.BindingResult;

/** Puts a domain rule's message on the form field it concerns, or on the form as a whole. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, BusinessException e) {
        if (e instanceof InvalidInputException many) {
            many.violations().forEach(v -> reject(result, v));
            return;
        }
        if (e.field() != null && fieldExists(result, e.field())) {
            result.rejectValue(e.field(), e.code(), e.args(), e.code());
        } else {
            result.reject(e.code(), e.args(), e.code());
        }
    }

    private static boolean fieldExists(BindingResult result, String field) {
        try {
            result.getFieldType(field);
            return result.getTarget() != null && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field.replaceAll("\\[.*", "")) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
