from django.shortcuts import render


def home(request):
    return render(request, "home.html")


def boom(request):
    orders_today = 0
    average = 100 / orders_today  # a bug on purpose: dividing by zero raises an error
    return render(request, "home.html", {"average": average})
