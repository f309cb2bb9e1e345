package org.districtops.reliability;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint a service answers, read from Spring MVC's own handler mapping, so that a new endpoint shows up
 * here (and in the matrix and fuzz tests) without anyone listing it.
 */
public final class RouteCatalog {

    /** One method + path pattern (relative to the context path), and the handler that serves it. */
    public record Route(String service, String method, String pattern, HandlerMethod handler) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

        public String key() {
            return service + " " + method + " " + pattern;
        }

        public List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The pattern with each path variable replaced by {@code value.apply(name)} (URL-encoded by the caller). */
        public String expand(java.util.function.Function<String, String> value) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(value.apply(m.group(1))));
            }
            m.appendTail(sb);
            return sb.toString().replace("/**", "/x");
        }

        public boolean hasBody() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }
    }

    private RouteCatalog() {
    }

    public static List<Route> routes(InProcessServices.Service service) {
        RequestMappingHandlerMapping mapping = service.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty() ? List.of("GET") : methods.stream().map(Enum::name).sorted().toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    routes.add(new Route(service.name(), method, pattern, e.getValue()));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::key));
        return routes;
    }
}
