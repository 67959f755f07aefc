import time

from django.http import HttpResponse


def slow_report(request):
    time.sleep(45)  # stands in for 45 seconds of heavy number crunching
    return HttpResponse("The yearly sales report is ready.", content_type="text/plain")
