var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "1204",
        "ok": "1203",
        "ko": "1"
    },
    "maxResponseTime": {
        "total": "2210",
        "ok": "2210",
        "ko": "2210"
    },
    "meanResponseTime": {
        "total": "116",
        "ok": "116",
        "ko": "-"
    },
    "percentiles1": {
        "total": "112",
        "ok": "112",
        "ko": "-"
    },
    "percentiles2": {
        "total": "150",
        "ok": "150",
        "ko": "-"
    },
    "percentiles3": {
        "total": "480",
        "ok": "480",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1312",
        "ok": "1312",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 1203,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "120.3",
        "ok": "120.3",
        "ko": "0.1"
    }
},
contents: {
"req_milestone-progr-1": {
        type: "REQUEST",
        name: "milestone progress",
path: "milestone progress",
pathFormatted: "req_milestone-progr-1",
stats: {
    "name": "milestone progress",
    "numberOfRequests": {
        "total": "722",
        "ok": "722",
        "ko": "0"
    },
    "maxResponseTime": {
        "total": "2210",
        "ok": "2210",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "120",
        "ok": "120",
        "ko": "-"
    },
    "percentiles1": {
        "total": "115",
        "ok": "115",
        "ko": "-"
    },
    "percentiles2": {
        "total": "150",
        "ok": "150",
        "ko": "-"
    },
    "percentiles3": {
        "total": "470",
        "ok": "470",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1300",
        "ok": "1300",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 722,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "72.2",
        "ok": "72.2",
        "ko": "-"
    }
}
    },"req_badge-award-2": {
        type: "REQUEST",
        name: "badge award",
path: "badge award",
pathFormatted: "req_badge-award-2",
stats: {
    "name": "badge award",
    "numberOfRequests": {
        "total": "482",
        "ok": "481",
        "ko": "1"
    },
    "maxResponseTime": {
        "total": "2000",
        "ok": "2000",
        "ko": "2000"
    },
    "meanResponseTime": {
        "total": "110",
        "ok": "110",
        "ko": "-"
    },
    "percentiles1": {
        "total": "108",
        "ok": "108",
        "ko": "-"
    },
    "percentiles2": {
        "total": "149",
        "ok": "149",
        "ko": "-"
    },
    "percentiles3": {
        "total": "490",
        "ok": "490",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1320",
        "ok": "1320",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 481,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "48.1",
        "ok": "48.1",
        "ko": "0.1"
    }
}
    }
}

};

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
}
