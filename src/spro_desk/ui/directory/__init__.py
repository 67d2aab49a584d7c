"""The directory screen: search, filters, results and the selected service's detail."""
