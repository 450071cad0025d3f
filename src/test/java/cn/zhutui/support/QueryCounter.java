package cn.zhutui.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the app prepares on this thread, so a test can tell that a list makes
 * a fixed number of queries, not a few per row.
 */
@Component
public class QueryCounter implements BeanPostProcessor {

    private static final ThreadLocal<AtomicLong> COUNT = ThreadLocal.withInitial(AtomicLong::new);
    /** The statements' text since {@link #startListing()}, when a test wants to see what a request sends */
    private static final ThreadLocal<java.util.List<String>> LISTED = new ThreadLocal<>();

    public long count() {
        return COUNT.get().get();
    }

    public void startListing() {
        LISTED.set(new java.util.ArrayList<>());
    }

    /** The statements prepared on this thread since {@link #startListing()}; stops listing. */
    public java.util.List<String> listed() {
        java.util.List<String> listed = LISTED.get();
        LISTED.remove();
        return listed == null ? java.util.List.of() : listed;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource ds) || bean instanceof Proxy) {
            return bean;
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = invoke(method, ds, args);
            return result instanceof Connection c ? counting(c) : result;
        });
    }

    private static Connection counting(Connection c) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                COUNT.get().incrementAndGet();
                java.util.List<String> listed = LISTED.get();
                if (listed != null && args != null && args.length > 0 && args[0] instanceof String sql) {
                    listed.add(sql.strip().replaceAll("\\s+", " "));
                }
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, c, args);
            }
            return invoke(method, c, args);
        };
        return (Connection) Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
