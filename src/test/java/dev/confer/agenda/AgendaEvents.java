package dev.confer.agenda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event with a programme to star and vote on: 2037-05-14 and 2037-05-15 in Seoul, rooms 301 (3F, 10 seats),
 * 302 (3F, 100 seats), 401 (4F, 50 seats) and 402 (4F, 40 seats), with directions. Slots on day one: 13:00 (S1 in
 * 301, S2 in 302, S3 in 401), 13:30 (S4 in 402, overlapping the 13:00 slot until 13:40) and 15:00 (S5 in 301, S6
 * in 302); day two: 10:00 (S7 in 302).
 */
public final class AgendaEvents {

    public static final String DAY1 = "2037-05-14";
    public static final String DAY2 = "2037-05-15";

    private AgendaEvents() {
    }

    public static Map<String, Object> definition(int capacity, int waitlist) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", Map.of("ko", "클라우드 서밋 서울 2026", "en", "Cloud Summit Seoul 2026"));
        def.put("timezone", "Asia/Seoul");
        def.put("capacity", capacity);
        def.put("waitlist", waitlist);
        List<Object> days = new ArrayList<>();
        for (String date : List.of(DAY1, DAY2)) {
            days.add(Map.of("date", date, "doorsOpen", "08:00", "end", "18:00", "mealVouchers", Math.min(100, capacity)));
        }
        def.put("days", days);
        def.put("rooms", List.of(
                room("301", "301호", "Room 301", 10, "3F", "3층 에스컬레이터 왼쪽", "Left of the escalators, 3F"),
                room("302", "302호", "Room 302", 100, "3F", "3층 복도 끝", "End of the corridor, 3F"),
                room("401", "401호", "Room 401", 50, "4F", "4층 엘리베이터 앞", "4F, by the lifts"),
                room("402", "402호", "Room 402", 40, "4F", "4층 엘리베이터 오른쪽, 쉼표(,)와 세미콜론(;) 주의", "4F, right of the lifts; mind commas, semicolons")));
        def.put("tracks", List.of(Map.of("code", "fin", "name", Map.of("ko", "금융", "en", "Finance"))));
        def.put("sessions", List.of(
                session("S1", DAY1, "13:00", "13:40", "301", "클라우드 네이티브 금융", "Cloud-native finance"),
                session("S2", DAY1, "13:00", "13:40", "302", "결제 시스템 현대화", "Modern payments"),
                session("S3", DAY1, "13:00", "13:40", "401", "데이터 레이크", "Data lakes"),
                session("S4", DAY1, "13:30", "14:10", "402", "보안 운영", "Security operations"),
                session("S5", DAY1, "15:00", "15:30", "301", "생성형 AI 실전", "Generative AI in practice"),
                session("S6", DAY1, "15:00", "15:30", "302", "서버리스 비용", "Serverless costs"),
                session("S7", DAY2, "10:00", "10:45", "302", "둘째 날 기조", "Day two opener")));
        def.put("booths", List.of());
        return def;
    }

    private static Map<String, Object> room(String code, String ko, String en, int capacity, String floor, String dirKo, String dirEn) {
        return Map.of("code", code, "name", Map.of("ko", ko, "en", en), "capacity", capacity, "floor", floor,
                "directions", Map.of("ko", dirKo, "en", dirEn));
    }

    private static Map<String, Object> session(String code, String day, String start, String end, String room, String ko, String en) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("title", Map.of("ko", ko, "en", en));
        s.put("track", "fin");
        s.put("room", room);
        s.put("day", day);
        s.put("start", start);
        s.put("end", end);
        s.put("language", "ko");
        s.put("speakers", List.of(Map.of("name", "김서연", "company", "Hanbit Bank")));
        return s;
    }
}
