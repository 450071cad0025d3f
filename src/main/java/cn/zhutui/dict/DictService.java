package cn.zhutui.dict;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The coded lists. They are small and read on every page, so they are held in memory and
 * reloaded after each committed change. Exposed to templates as {@code @dict}.
 */
@Service("dict")
public class DictService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");

    private final DictRepository repository;
    private final AuditService audit;
    private volatile Map<String, List<DictItem>> byType;

    DictService(DictRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public List<DictType> types() {
        return repository.types();
    }

    public DictType type(String code) {
        return repository.type(code).orElseThrow(() -> new NotFoundException("dict type", code));
    }

    /** Every item of a type, retired ones included (for the admin page and for old records). */
    public List<DictItem> allItems(String type) {
        return cache().getOrDefault(type, List.of());
    }

    /** The items a user may choose from now. */
    public List<DictItem> items(String type) {
        return allItems(type).stream().filter(DictItem::enabled).toList();
    }

    public Optional<DictItem> find(String type, String code) {
        return allItems(type).stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public boolean isValid(String type, String code) {
        return find(type, code).filter(DictItem::enabled).isPresent();
    }

    /** Label in the current language; an unknown code shows as itself rather than vanishing. */
    public String label(String type, String code) {
        return label(type, code, LocaleContextHolder.getLocale());
    }

    public String label(String type, String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return find(type, code).map(i -> i.label(locale)).orElse(code);
    }

    /** Finds a code by its label or code, as typed in a spreadsheet cell. */
    public Optional<String> codeOf(String type, String labelOrCode) {
        if (labelOrCode == null || labelOrCode.isBlank()) {
            return Optional.empty();
        }
        String v = labelOrCode.trim();
        return items(type).stream()
                .filter(i -> i.label().equals(v) || i.code().equalsIgnoreCase(v) || v.equalsIgnoreCase(i.labelEn()))
                .map(DictItem::code).findFirst();
    }

    @Transactional
    public long addItem(DataScope scope, String type, String code, String label, String labelEn, int sort) {
        scope.require(Permission.DICT_ADMIN);
        type(type);
        if (code == null || !CODE.matcher(code).matches()) {
            throw BusinessException.onField("code", "dict.code.invalid");
        }
        if (label == null || label.isBlank()) {
            throw BusinessException.onField("label", "validation.required");
        }
        if (find(type, code).isPresent()) {
            throw BusinessException.onField("code", "dict.code.duplicate", code);
        }
        long id = repository.insert(type, code, label.trim(), blank(labelEn), sort);
        audit.record(scope, "CREATE", "dict_item", id, type + ":" + code, null, Map.of("code", code, "label", label));
        reloadAfterCommit();
        return id;
    }

    @Transactional
    public void updateItem(DataScope scope, long id, int version, String label, String labelEn, int sort, boolean enabled) {
        scope.require(Permission.DICT_ADMIN);
        DictItem before = repository.item(id).orElseThrow(() -> new NotFoundException("dict item", id));
        if (label == null || label.isBlank()) {
            throw BusinessException.onField("label", "validation.required");
        }
        if (!repository.update(id, version, label.trim(), blank(labelEn), sort, enabled)) {
            throw new ConflictException("dict item", id);
        }
        audit.record(scope, "UPDATE", "dict_item", id, before.typeCode() + ":" + before.code(), before,
                repository.item(id).orElseThrow());
        reloadAfterCommit();
    }

    /** One row of the dictionary editor as submitted. */
    public record ItemEdit(long id, int version, String label, String labelEn, int sort, boolean enabled) {
    }

    /**
     * Saves the dictionary editor's table at once: the rows that changed are updated, all or
     * none (a blank name, or a row someone else changed meanwhile, saves nothing).
     *
     * @return how many rows changed
     */
    @Transactional
    public int updateItems(DataScope scope, String type, List<ItemEdit> edits) {
        scope.require(Permission.DICT_ADMIN);
        Map<Long, DictItem> current = repository.allItems().stream().filter(i -> i.typeCode().equals(type))
                .collect(Collectors.toMap(DictItem::id, i -> i));
        int changed = 0;
        for (ItemEdit e : edits) {
            DictItem before = current.get(e.id());
            if (before == null) {
                throw new NotFoundException("dict item", e.id());
            }
            if (e.label() == null || e.label().isBlank()) {
                throw new BusinessException("dict.labelRequired", before.code());
            }
            boolean same = before.label().equals(e.label().trim()) && java.util.Objects.equals(before.labelEn(), blank(e.labelEn()))
                    && before.sort() == e.sort() && before.enabled() == e.enabled();
            if (same) {
                continue;
            }
            if (!repository.update(e.id(), e.version(), e.label().trim(), blank(e.labelEn()), e.sort(), e.enabled())) {
                throw new BusinessException("dict.changedMeanwhile", before.label());
            }
            audit.record(scope, "UPDATE", "dict_item", e.id(), before.typeCode() + ":" + before.code(), before,
                    repository.item(e.id()).orElseThrow());
            changed++;
        }
        reloadAfterCommit();
        return changed;
    }

    private Map<String, List<DictItem>> cache() {
        Map<String, List<DictItem>> current = byType;
        if (current == null) {
            current = repository.allItems().stream()
                    .collect(Collectors.groupingBy(DictItem::typeCode, Collectors.toUnmodifiableList()));
            byType = current;
        }
        return current;
    }

    private void reloadAfterCommit() {
        byType = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byType = null;
                }
            });
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
