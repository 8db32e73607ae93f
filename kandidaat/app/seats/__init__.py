"""Use case "seat distribution": JSON in, a Dutch report or JSON out."""
