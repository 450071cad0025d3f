package cn.zhutui.audit;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one audit log of the platform. Writes join the caller's transaction, so a change and its
 * record commit or roll back together. Personal data is masked before it is stored.
 */
@Service
public class AuditService {

    /** Fields never stored in clear in the log. */
    private static final Set<String> PERSONAL = Set.of("phone", "idNumber", "bankAccount", "password", "passwordHash");

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditService(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** A create (before null), update (both) or delete (after null) by the given actor. */
    public void record(DataScope actor, String action, String entityType, Object entityId, String summary,
                       Object before, Object after) {
        repository.insert(actor.userId() == 0 ? null : actor.userId(), actor.username(), action, entityType,
                entityId == null ? null : entityId.toString(), truncate(summary), snapshot(before), snapshot(after),
                clientIp(), actor.orgPath());
    }

    public void recordLogin(String username, Long userId, String orgPath, boolean success, String reason) {
        repository.insert(userId, truncate(username, 50), success ? "LOGIN" : "LOGIN_FAILED", "user",
                userId == null ? null : userId.toString(), reason, null, null, clientIp(), orgPath);
    }

    public Page<AuditEntry> search(DataScope scope, AuditQuery query, PageRequest page) {
        scope.require(Permission.AUDIT_VIEW);
        // the top org's admins also see what the system did and failed logins of unknown names
        boolean root = scope.isSystem() || java.util.Arrays.stream(scope.orgPath().split("/")).filter(x -> !x.isEmpty()).count() <= 1;
        return repository.search(scope.orgPath(), root, query, page).map(this::withChanges);
    }

    public java.util.List<AuditEntry> history(String entityType, Object entityId) {
        return repository.history(entityType, entityId.toString()).stream().map(this::withChanges).toList();
    }

    private AuditEntry withChanges(AuditRepository.Row row) {
        return new AuditEntry(row.id(), row.at(), row.userId(), row.username(), row.action(), row.entityType(),
                row.entityId(), row.summary(), row.ip(), AuditDiff.changes(parse(row.beforeData()), parse(row.afterData())));
    }

    private JsonNode parse(String data) {
        return data == null ? null : json.readTree(data);
    }

    private String snapshot(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = json.valueToTree(value);
        mask(tree);
        return json.writeValueAsString(tree);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (PERSONAL.contains(field.getKey()) && field.getValue().isString()) {
                    field.setValue(object.stringNode(cn.zhutui.common.Masking.phone(field.getValue().asString())));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditService::mask);
        }
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s) {
        return truncate(s, 500);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
